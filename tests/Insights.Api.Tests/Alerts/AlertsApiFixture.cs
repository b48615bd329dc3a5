namespace Insights.Api.Tests.Alerts;

/// <summary>
/// The API and a silo whose outbox retries quickly (a receiver that is down is tried every few hundred milliseconds)
/// and whose cool-down lasts longer than any test.
/// </summary>
public sealed class AlertsApiFixture : ApiFixture
{
    protected override void ConfigureSettings(IDictionary<string, string?> settings)
    {
        settings["Insights:Alerts:Cooldown"] = "01:00:00";
        settings["Insights:Alerts:Delivery:PollInterval"] = "00:00:00.100";
        settings["Insights:Alerts:Delivery:FirstRetryDelay"] = "00:00:00.200";
        settings["Insights:Alerts:Delivery:MaxRetryDelay"] = "00:00:01";
        settings["Insights:Alerts:Delivery:Timeout"] = "00:00:05";
    }
}

[CollectionDefinition(Name)]
public sealed class AlertsApiCollection : ICollectionFixture<AlertsApiFixture>
{
    public const string Name = "alerts-api";
}
