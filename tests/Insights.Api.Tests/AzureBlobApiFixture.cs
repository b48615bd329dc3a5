namespace Insights.Api.Tests;

using Insights.Testing;

/// <summary>The same silo and API, with the lake and the grain state on Azure Blob Storage (Azurite, from npm).</summary>
public sealed class AzureBlobApiFixture : ApiFixture
{
    private readonly AzuriteServer _azurite = new();

    public override async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    protected override void ConfigureSettings(IDictionary<string, string?> settings)
    {
        settings["Insights:Lake:Provider"] = "AzureBlob";
        settings["Insights:Lake:AzureBlob:ConnectionString"] = _azurite.ConnectionString;
        settings["Insights:Storage:Provider"] = "AzureBlob";
        settings["Insights:Storage:AzureBlob:ConnectionString"] = _azurite.ConnectionString;
    }
}
