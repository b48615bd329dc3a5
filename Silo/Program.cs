namespace Insights.Silo;

using Insights.ServiceDefaults;
using Insights.Silo.Hosting;

// A named class rather than top-level statements: the API's test host needs the one global 'Program' to be the API's.
internal static class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddInsightsSilo();

        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapInsightsOrleansDashboard();
        app.Run();
    }
}
