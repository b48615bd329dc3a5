namespace Insights.Grains.Sources;

using Insights.Grains.Scheduling;
using Insights.Sources.TikTok;
using Microsoft.Extensions.Configuration;

public static class TikTokPollerSiloExtensions
{
    /// <summary>
    /// The TikTok source as the cluster's one poller grain (<c>Insights:Sources:TikTok</c>, off by default): its
    /// options, validated at start when enabled, and a startup task that has the grain register its reminder and start
    /// polling. Every silo runs the task; there is still one grain. Needs the ingest path's <c>IEventSink</c> keyed
    /// <c>tiktok</c> (<c>AddInsightsIngest</c>) and a reminder service (the in-memory one is added when none is).
    /// </summary>
    public static ISiloBuilder AddInsightsTikTokPoller(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Services.AddInsightsTikTokSource(configuration);
        if (!configuration.GetSection(TikTokSourceOptions.SectionName).GetValue<bool>(nameof(TikTokSourceOptions.Enabled)))
        {
            return silo;
        }

        return silo.ScheduleAtStart("the TikTok poller", grains => grains.GetGrain<ITikTokPollerGrain>(ITikTokPollerGrain.GlobalKey).EnsureScheduled());
    }
}
