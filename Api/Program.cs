using Insights.Api.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddInsightsApi();

var app = builder.Build();
app.MapInsightsApi();
app.Run();

public partial class Program;
