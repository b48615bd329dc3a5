namespace Insights.Alerts;

/// <summary>
/// What a subscription's URL must be: absolute http or https, without credentials or fragment, at most
/// <see cref="MaxLength"/> characters. Any host is allowed, private ones too (a receiver on the same network is a
/// normal case), which is why subscribing needs its own scope: see the README on server-side request forgery.
/// </summary>
public static class WebhookUrl
{
    public const int MaxLength = 2048;

    public static bool TryParse(string? value, out Uri? url, out string? error)
    {
        url = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            error = "'url' is required.";
            return false;
        }

        if (value.Length > MaxLength)
        {
            error = $"'url' must be at most {MaxLength} characters.";
            return false;
        }

        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps))
        {
            error = "'url' must be an absolute http or https URL.";
            return false;
        }

        if (parsed.UserInfo.Length > 0)
        {
            error = "'url' must not carry credentials; the deliveries are signed instead.";
            return false;
        }

        if (parsed.Fragment.Length > 0)
        {
            error = "'url' must not have a fragment.";
            return false;
        }

        url = parsed;
        error = null;
        return true;
    }
}
