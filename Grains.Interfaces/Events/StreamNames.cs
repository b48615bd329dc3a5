namespace Insights.Events;

public static class StreamNames
{
    /// <summary>The stream provider every part uses; its backend is chosen by configuration.</summary>
    public const string Provider = "insights";

    /// <summary>Namespace of per-video streams; the stream key is the video id.</summary>
    public const string VideoNamespace = "videos";

    /// <summary>
    /// Namespace of messages a durable provider's data adapter could not turn into video events; the stream key is
    /// the queue or partition they came from, so one grain per queue writes them to the quarantine zone.
    /// </summary>
    public const string QuarantineNamespace = "quarantine";
}
