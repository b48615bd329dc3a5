namespace Insights.Sources.TikTok;

/// <summary>
/// The TikTok Research API source. Section <c>Insights:Sources:TikTok</c>; the credentials come from configuration or
/// the environment (<c>Insights__Sources__TikTok__ClientSecret</c>), never from the repository.
/// </summary>
public sealed class TikTokSourceOptions
{
    public const string SectionName = "Insights:Sources:TikTok";

    public bool Enabled { get; set; }

    public string BaseUrl { get; set; } = "https://open.tiktokapis.com";

    public string? ClientKey { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Creators polled: one query per username (a leading <c>@</c> is dropped).</summary>
    public List<string> Usernames { get; set; } = [];

    /// <summary>Hashtag queries: one query per entry; an entry of several hashtags (comma- or space-separated) matches any of them.</summary>
    public List<string> HashtagQueries { get; set; } = [];

    /// <summary>Videos polled by id, whatever their age.</summary>
    public List<string> VideoIds { get; set; } = [];

    /// <summary>How often each query (and the comments of the videos it finds) is polled.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How soon a poll that failed is tried again (at most <see cref="PollInterval"/>).</summary>
    public TimeSpan FailedPollRetryInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Videos created in the last this many days (UTC dates, today included) are polled.</summary>
    public int LookbackDays { get; set; } = 7;

    /// <summary>Comments read per video at most; the Research API serves the top 1,000.</summary>
    public int MaxCommentsPerVideo { get; set; } = 1000;

    /// <summary>Videos or comments asked per page (<c>max_count</c>, at most 100).</summary>
    public int PageSize { get; set; } = 100;

    public int RequestsPerMinute { get; set; } = 30;

    /// <summary>The Research API's daily quota is 1,000 requests by default.</summary>
    public int RequestsPerDay { get; set; } = 1000;

    /// <summary>An access token is renewed this long before it expires.</summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Tries of one API request on outages, 5xx, 429 and malformed answers before that page is given up until the next poll.</summary>
    public int MaxAttempts { get; set; } = 4;

    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Longest Retry-After honoured; a longer one is cut to this.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Sends of a batch whose items the sink answers "retry", before the page is left for the next poll.</summary>
    public int MaxDeliveryAttempts { get; set; } = 8;

    public TimeSpan DeliveryInitialBackoff { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan DeliveryMaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Problems of an enabled configuration, each naming its key; empty when it is usable.</summary>
    public IReadOnlyList<string> Validate(bool evenIfDisabled = false)
    {
        var problems = new List<string>();
        if (!Enabled && !evenIfDisabled)
        {
            return problems;
        }

        void Check(bool ok, string key, string rule)
        {
            if (!ok)
            {
                problems.Add($"{SectionName}:{key} {rule}");
            }
        }

        Check(Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https", nameof(BaseUrl), "must be an absolute http(s) URL");
        Check(!string.IsNullOrWhiteSpace(ClientKey), nameof(ClientKey), "is required (from configuration or the environment)");
        Check(!string.IsNullOrWhiteSpace(ClientSecret), nameof(ClientSecret), "is required (from configuration or the environment)");
        Check(Usernames.Concat(HashtagQueries).Concat(VideoIds).Any(s => !string.IsNullOrWhiteSpace(s)),
            $"{nameof(Usernames)}/{nameof(HashtagQueries)}/{nameof(VideoIds)}", "must name at least one creator, hashtag query or video");
        Check(VideoIds.All(id => Wire.Ids.IsValid(id.Trim())), nameof(VideoIds), Wire.Ids.Rule);
        Check(PollInterval >= TimeSpan.FromSeconds(1), nameof(PollInterval), "must be at least 00:00:01");
        Check(FailedPollRetryInterval > TimeSpan.Zero, nameof(FailedPollRetryInterval), "must be positive");
        Check(LookbackDays is >= 0 and <= 365, nameof(LookbackDays), "must be in [0, 365]");
        Check(MaxCommentsPerVideo is >= 0 and <= 1000, nameof(MaxCommentsPerVideo), "must be in [0, 1000] (the API serves the top 1,000)");
        Check(PageSize is >= 1 and <= 100, nameof(PageSize), "must be in [1, 100]");
        Check(RequestsPerMinute >= 1, nameof(RequestsPerMinute), "must be at least 1");
        Check(RequestsPerDay >= 1, nameof(RequestsPerDay), "must be at least 1");
        Check(TokenRefreshMargin >= TimeSpan.Zero, nameof(TokenRefreshMargin), "must not be negative");
        Check(RequestTimeout > TimeSpan.Zero, nameof(RequestTimeout), "must be positive");
        Check(MaxAttempts >= 1, nameof(MaxAttempts), "must be at least 1");
        Check(MaxDeliveryAttempts >= 1, nameof(MaxDeliveryAttempts), "must be at least 1");
        Check(InitialBackoff >= TimeSpan.Zero && MaxBackoff >= InitialBackoff, nameof(InitialBackoff), "must be in [0, MaxBackoff]");
        Check(DeliveryInitialBackoff >= TimeSpan.Zero && DeliveryMaxBackoff >= DeliveryInitialBackoff, nameof(DeliveryInitialBackoff), "must be in [0, DeliveryMaxBackoff]");
        return problems;
    }
}
