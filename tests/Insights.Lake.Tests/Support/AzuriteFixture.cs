namespace Insights.Lake.Tests.Support;

/// <summary>One Azurite per test run, shared by every class in <see cref="AzuriteCollection"/>.</summary>
public sealed class AzuriteFixture : AzuriteServer, IAsyncLifetime;

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
