namespace Insights.Events;

public static class StreamNames
{
    /// <summary>The stream provider every part uses; its backend is chosen by configuration.</summary>
    public const string Provider = "insights";

    /// <summary>Namespace of per-video streams; the stream key is the video id.</summary>
    public const string VideoNamespace = "videos";
}
