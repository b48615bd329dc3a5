using Insights.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddInsightsSilo();

var app = builder.Build();
app.MapInsightsHealth();
app.Run();
