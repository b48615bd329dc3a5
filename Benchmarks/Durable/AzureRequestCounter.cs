namespace Insights.Benchmarks.Durable;

using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using Azure.Core.Diagnostics;

/// <summary>
/// Counts the storage requests every Azure SDK client in this process sends (Azure.Core's "Request" event), by service
/// and kind: the cost of a durable stream in requests per message, which unlike time does not depend on how busy the
/// machine is.
/// </summary>
internal sealed class AzureRequestCounter : IDisposable
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly Dictionary<int, string> _services;
    private readonly AzureEventSourceListener _listener;

    /// <param name="services">The service behind each port (Azurite's blob, queue and table ports).</param>
    public AzureRequestCounter(Dictionary<int, string> services)
    {
        _services = services;
        _listener = new AzureEventSourceListener(OnEvent, EventLevel.Informational);
    }

    /// <summary>Counts since the last call, and starts again from zero.</summary>
    public IReadOnlyDictionary<string, long> Take()
    {
        var taken = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var key in _counts.Keys)
        {
            if (_counts.TryRemove(key, out var n))
            {
                taken[key] = n;
            }
        }

        return taken;
    }

    private void OnEvent(EventWrittenEventArgs e, string message)
    {
        if (e.EventName != "Request" || e.PayloadNames is not { } names)
        {
            return;
        }

        var method = e.Payload?[names.IndexOf("method")] as string;
        if (e.Payload?[names.IndexOf("uri")] is not string text || !Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            return;
        }

        var service = _services.GetValueOrDefault(uri.Port, "other");
        _counts.AddOrUpdate(service + " " + Kind(service, method, uri), 1, (_, n) => n + 1);
    }

    private static string Kind(string service, string? method, Uri uri) => (service, method) switch
    {
        ("queue", "POST") => "send",
        ("queue", "GET") when uri.AbsolutePath.EndsWith("/messages", StringComparison.Ordinal) => "receive",
        ("queue", "DELETE") when uri.AbsolutePath.Contains("/messages/", StringComparison.Ordinal) => "delete",
        ("blob", "PUT") => "write",
        ("blob", "GET") => "read",
        _ => method?.ToLowerInvariant() ?? "?",
    };

    public void Dispose() => _listener.Dispose();
}
