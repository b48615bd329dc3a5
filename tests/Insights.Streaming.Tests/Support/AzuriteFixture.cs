namespace Insights.Streaming.Tests.Support;

/// <summary>One Azurite (blob and queue services) per test run, shared by every class in <see cref="AzuriteCollection"/>.</summary>
public sealed class AzuriteFixture : AzuriteServer, IAsyncLifetime;

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
