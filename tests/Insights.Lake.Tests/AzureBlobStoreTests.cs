namespace Insights.Lake.Tests;

using System.Net;
using System.Net.Sockets;
using global::Azure;
using global::Azure.Storage.Blobs;
using global::Azure.Storage.Blobs.Models;
using Insights.Lake.Azure;
using Insights.Lake.Tests.Support;

/// <summary>Azure-only behaviour of <see cref="AzureBlobStore"/>, beyond the shared contract.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureBlobStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly BlobContainerClient _container =
        azurite.CreateBlobServiceClient().GetBlobContainerClient(AzuriteFixture.UniqueContainerName("azure"));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _container.DeleteIfExistsAsync();

    private static async Task<List<string>> PathsAsync(IBlobStore store, string prefix = "")
    {
        var paths = new List<string>();
        await foreach (var file in store.ListAsync(prefix))
        {
            paths.Add(file.Path);
        }

        return paths;
    }

    [Fact]
    public async Task Listing_skips_directory_markers_and_names_that_are_not_lake_paths()
    {
        var store = new AzureBlobStore(_container);
        await store.WriteAsync("comments/date=2026-11-24/part-0.jsonl", new byte[] { 1 });

        // What a hierarchical-namespace account (ADLS Gen2) lists for a folder, and a blob someone else wrote.
        await _container.GetBlobClient("comments/date=2026-11-24").UploadAsync(
            BinaryData.Empty, new BlobUploadOptions { Metadata = new Dictionary<string, string> { ["hdi_isfolder"] = "true" } });
        await _container.GetBlobClient("comments/notes by hand.txt").UploadAsync(BinaryData.FromString("x"));

        Assert.Equal(["comments/date=2026-11-24/part-0.jsonl"], await PathsAsync(store));
        Assert.Equal(["comments/date=2026-11-24/part-0.jsonl"], await PathsAsync(store, "comments/"));
    }

    [Fact]
    public async Task Writes_are_stored_as_octet_streams()
    {
        var store = new AzureBlobStore(_container);
        await store.WriteAsync("a", new byte[] { 1 });
        Assert.True(await store.TryCreateAsync("b", new byte[] { 2 }));
        Assert.Equal("application/octet-stream", (await _container.GetBlobClient("a").GetPropertiesAsync()).Value.ContentType);
        Assert.Equal("application/octet-stream", (await _container.GetBlobClient("b").GetPropertiesAsync()).Value.ContentType);
    }

    [Fact]
    public async Task Invalid_paths_never_reach_the_service()
    {
        // The container does not exist and must not be created by a call that is refused.
        var store = new AzureBlobStore(_container);
        await Assert.ThrowsAsync<ArgumentException>(() => store.WriteAsync("../x", new byte[] { 1 }));
        await Assert.ThrowsAsync<ArgumentException>(() => PathsAsync(store, "a//"));
        Assert.False((await _container.ExistsAsync()).Value);
    }

    [Fact]
    public async Task An_unreachable_account_fails_with_the_sdk_error_and_the_next_call_tries_again()
    {
        var closedPort = ClosedLoopbackPort();
        var options = AzuriteFixture.ClientOptions();
        options.Retry.MaxRetries = 0;
        var connection = azurite.ConnectionString.Replace($":{azurite.BlobPort}/", $":{closedPort}/", StringComparison.Ordinal);
        var store = new AzureBlobStore(new BlobServiceClient(connection, options).GetBlobContainerClient("down"));

        await Assert.ThrowsAsync<RequestFailedException>(() => store.WriteAsync("a", new byte[] { 1 }));
        await Assert.ThrowsAsync<RequestFailedException>(() => store.ReadAsync("a"));
    }

    [Fact]
    public void IsAlreadyThere_recognises_both_answers_to_if_none_match()
    {
        Assert.True(AzureBlobStore.IsAlreadyThere(new RequestFailedException(409, "exists", "BlobAlreadyExists", null)));
        Assert.True(AzureBlobStore.IsAlreadyThere(new RequestFailedException(412, "condition", "ConditionNotMet", null)));
        Assert.False(AzureBlobStore.IsAlreadyThere(new RequestFailedException(409, "leased", "LeaseIdMissing", null)));
        Assert.False(AzureBlobStore.IsAlreadyThere(new RequestFailedException(503, "busy", "ServerBusy", null)));
    }

    [Fact]
    public async Task The_queue_service_is_running_too()
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(azurite.QueueEndpoint + "?comp=list"));
        // Unsigned request: Azurite's queue service answers, and refuses it.
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.NotEqual(azurite.BlobPort, azurite.QueuePort);
        Assert.Contains($"QueueEndpoint=http://127.0.0.1:{azurite.QueuePort}/devstoreaccount1", azurite.ConnectionString);
    }

    private static int ClosedLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
