namespace Insights.Silo.Hosting;

using Orleans.Dashboard;

/// <summary>
/// The Orleans Dashboard (grains, silos, calls) on the silo's HTTP port at <see cref="Path"/>, when
/// <c>Insights:OrleansDashboard:Enabled</c> is true. It has no authentication of its own: keep it off where the
/// port is reachable by others (off by default; the Kubernetes production overlay leaves it off).
/// </summary>
public static class OrleansDashboardExtensions
{
    public const string Path = "/orleans-dashboard";

    private const string EnabledKey = "Insights:OrleansDashboard:Enabled";

    public static IHostApplicationBuilder AddInsightsOrleansDashboard(this IHostApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue<bool>(EnabledKey))
        {
            builder.UseOrleans(silo => silo.AddDashboard());
        }

        return builder;
    }

    public static WebApplication MapInsightsOrleansDashboard(this WebApplication app)
    {
        if (app.Configuration.GetValue<bool>(EnabledKey))
        {
            app.MapOrleansDashboard(Path);
        }

        return app;
    }
}
