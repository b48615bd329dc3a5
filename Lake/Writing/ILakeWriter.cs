namespace Insights.Lake.Writing;

/// <summary>A writer the host flushes on graceful shutdown.</summary>
public interface ILakeWriter : IAsyncDisposable
{
    Task FlushAsync(CancellationToken cancellationToken);
}
