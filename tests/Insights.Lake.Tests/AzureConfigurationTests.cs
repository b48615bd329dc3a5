namespace Insights.Lake.Tests;

using global::Azure.Core;
using global::Azure.Storage.Blobs;
using Insights.Lake.Azure;

/// <summary>Configuration of the Azure backends: no service needed.</summary>
public sealed class AzureConfigurationTests
{
    private const string Section = "Insights:Lake:AzureBlob";

    private static InvalidOperationException Fails(string? connectionString, string? accountUrl) =>
        Assert.Throws<InvalidOperationException>(() => BlobServiceClientFactory.Create(
            new AzureBlobOptions { ConnectionString = connectionString, AccountUrl = accountUrl }, Section));

    [Theory]
    [InlineData(null, null)]
    [InlineData("", "  ")]
    public void Neither_setting_names_both_keys(string? connectionString, string? accountUrl)
    {
        var ex = Fails(connectionString, accountUrl);
        Assert.Contains("Insights:Lake:AzureBlob:ConnectionString", ex.Message);
        Assert.Contains("Insights:Lake:AzureBlob:AccountUrl", ex.Message);
    }

    [Fact]
    public void Both_settings_are_refused()
    {
        var ex = Fails("UseDevelopmentStorage=true", "https://acct.blob.core.windows.net");
        Assert.Contains("only one", ex.Message);
    }

    [Theory]
    [InlineData("acct.blob.core.windows.net")]
    [InlineData("http://acct.blob.core.windows.net")]
    [InlineData("https://acct.blob.core.windows.net/raw")]
    [InlineData("https://acct.blob.core.windows.net/?sv=2024&sig=abc")]
    [InlineData("not a url")]
    public void An_account_url_must_be_a_bare_https_endpoint(string accountUrl)
    {
        var ex = Fails(null, accountUrl);
        Assert.Contains("Insights:Lake:AzureBlob:AccountUrl", ex.Message);
    }

    [Fact]
    public void A_malformed_connection_string_is_reported_without_echoing_it()
    {
        var ex = Fails("AccountName=acct;AccountKey=c2VjcmV0LWtleQ==;Nonsense", null);
        Assert.Contains("Insights:Lake:AzureBlob:ConnectionString", ex.Message);
        Assert.DoesNotContain("c2VjcmV0LWtleQ==", ex.Message);
    }

    [Fact]
    public void An_account_url_connects_with_entra_id_to_that_endpoint()
    {
        var client = BlobServiceClientFactory.Create(new AzureBlobOptions { AccountUrl = " https://acct.blob.core.windows.net/ " }, Section);
        Assert.Equal("acct", client.AccountName);
        Assert.Equal("https://acct.blob.core.windows.net/", client.Uri.ToString());
        Assert.False(client.CanGenerateAccountSasUri); // no shared key: a token credential
    }

    [Fact]
    public void A_given_credential_is_used_instead_of_the_default_one()
    {
        var credential = new FakeCredential();
        var client = BlobServiceClientFactory.Create(new AzureBlobOptions { AccountUrl = "https://acct.blob.core.windows.net" }, Section, credential);
        Assert.Equal("acct", client.AccountName);
    }

    [Fact]
    public void A_connection_string_connects_with_its_key()
    {
        var client = BlobServiceClientFactory.Create(new AzureBlobOptions { ConnectionString = "UseDevelopmentStorage=true" }, Section);
        Assert.Equal("devstoreaccount1", client.AccountName);
        Assert.True(client.CanGenerateAccountSasUri);
    }

    [Theory]
    [InlineData("raw")]
    [InlineData("lake-raw-2026")]
    [InlineData("a1b")]
    public void Valid_container_names_pass(string name) =>
        Assert.Equal(name, BlobServiceClientFactory.ValidateContainerName(name, Section + ":RawContainer"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ab")]
    [InlineData("Raw")]
    [InlineData("raw_zone")]
    [InlineData("-raw")]
    [InlineData("raw-")]
    [InlineData("raw--zone")]
    [InlineData("raw.zone")]
    public void Invalid_container_names_fail_naming_the_setting(string? name)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => BlobServiceClientFactory.ValidateContainerName(name, Section + ":RawContainer"));
        Assert.Contains("Insights:Lake:AzureBlob:RawContainer", ex.Message);
    }

    [Fact]
    public void The_lake_defaults_to_three_containers_named_after_the_zones()
    {
        var options = new AzureBlobOptions();
        Assert.Equal("raw", options.ContainerOf(LakeZone.Raw));
        Assert.Equal("processed", options.ContainerOf(LakeZone.Processed));
        Assert.Equal("quarantine", options.ContainerOf(LakeZone.Quarantine));

        var lake = new AzureBlobLakeStore(new BlobServiceClient("UseDevelopmentStorage=true"), options);
        Assert.Equal("raw", ((AzureBlobStore)lake.Zone(LakeZone.Raw)).Container.Name);
        Assert.Equal("processed", ((AzureBlobStore)lake.Zone(LakeZone.Processed)).Container.Name);
        Assert.Equal("quarantine", ((AzureBlobStore)lake.Zone(LakeZone.Quarantine)).Container.Name);
    }

    [Fact]
    public void The_lake_refuses_one_container_for_two_zones_or_a_bad_name()
    {
        var service = new BlobServiceClient("UseDevelopmentStorage=true");
        var shared = Assert.Throws<InvalidOperationException>(() => new AzureBlobLakeStore(service, new AzureBlobOptions { ProcessedContainer = "raw" }));
        Assert.Contains("different", shared.Message);

        var bad = Assert.Throws<InvalidOperationException>(() => new AzureBlobLakeStore(service, new AzureBlobOptions { QuarantineContainer = "Quarantine" }));
        Assert.Contains("Insights:Lake:AzureBlob:QuarantineContainer", bad.Message);
    }

    [Fact]
    public void The_lake_without_an_account_fails_naming_its_section()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new AzureBlobLakeStore(new AzureBlobOptions()));
        Assert.Contains("Insights:Lake:AzureBlob:ConnectionString", ex.Message);
    }

    private sealed class FakeCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new("token", DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
