namespace Insights.Benchmarks;

using Insights.Lake;

/// <summary>Keeps two writers' files apart in one store, so each can be measured on its own.</summary>
internal sealed class PrefixedStore(IBlobStore inner, string prefix) : IBlobStore
{
    public Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        inner.WriteAsync($"{prefix}/{path}", content, cancellationToken);

    public Task<bool> TryCreateAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        inner.TryCreateAsync($"{prefix}/{path}", content, cancellationToken);

    public Task<byte[]?> ReadAsync(string path, CancellationToken cancellationToken = default) =>
        inner.ReadAsync($"{prefix}/{path}", cancellationToken);

    public async IAsyncEnumerable<BlobFile> ListAsync(string path, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var f in inner.ListAsync($"{prefix}/{path}", cancellationToken))
        {
            yield return f with { Path = f.Path[(prefix.Length + 1)..] };
        }
    }

    public Task<bool> DeleteAsync(string path, CancellationToken cancellationToken = default) =>
        inner.DeleteAsync($"{prefix}/{path}", cancellationToken);
}
