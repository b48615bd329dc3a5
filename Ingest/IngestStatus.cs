namespace Insights.Ingest;

/// <summary>
/// The HTTP status of a batch refused as a whole. The API answers with it; other entries read it the same way
/// (503: try again later; anything else: a bug on one side). Plain numbers, so this library needs no web framework.
/// </summary>
public static class IngestStatus
{
    public const int Ok = 200;
    public const int BadRequest = 400;
    public const int PayloadTooLarge = 413;
    public const int UnsupportedMediaType = 415;
    public const int ServiceUnavailable = 503;
}
