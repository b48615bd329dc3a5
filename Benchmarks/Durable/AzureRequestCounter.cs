namespace Insights.Benchmarks.Durable;

using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

/// <summary>
/// Counts the storage requests every Azure SDK client in this process sends (Azure.Core's "Request" event), by service
/// and kind: the cost of a durable stream in requests per message, which unlike time does not depend on how busy the
/// machine is.
/// </summary>
internal sealed class AzureRequestCounter : EventListener
{
    private const string AzureCoreSource = "Azure-Core";

    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly Dictionary<int, string> _services;

    /// <param name="services">The service behind each port (Azurite's blob, queue and table ports).</param>
    public AzureRequestCounter(Dictionary<int, string> services)
    {
        _services = services;
        foreach (var source in EventSource.GetSources().Where(s => s.Name == AzureCoreSource))
        {
            EnableEvents(source, EventLevel.Informational);
        }
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

    // Sources created later (the first Azure client) are announced here; those existing already, before the constructor ran.
    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == AzureCoreSource)
        {
            EnableEvents(eventSource, EventLevel.Informational);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
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

        var service = _services?.GetValueOrDefault(uri.Port, "other") ?? "other";
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
}
