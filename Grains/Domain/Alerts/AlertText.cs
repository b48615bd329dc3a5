namespace Insights.Grains.Domain.Alerts;

using System.Globalization;

/// <summary>Pieces of the one-line texts of alerts.</summary>
public static class AlertText
{
    private const int DescriptionLength = 60;

    /// <summary><c>@user's video "description"</c>, or the video id when nothing else is known.</summary>
    public static string Video(in AlertWindows windows)
    {
        if (windows.Video is not { } video)
        {
            return $"video {windows.VideoId}";
        }

        var description = video.Description?.Trim();
        if (string.IsNullOrEmpty(description))
        {
            return $"@{video.Username}'s video {windows.VideoId}";
        }

        return description.Length <= DescriptionLength
            ? $"@{video.Username}'s video \"{description}\""
            : $"@{video.Username}'s video \"{description[..DescriptionLength].TrimEnd()}…\"";
    }

    public static string Signed(double value) => value.ToString("+0.#;-0.#;0", CultureInfo.InvariantCulture);

    /// <summary>The text with a link to the video's dashboard page when a dashboard URL is configured.</summary>
    public static string WithLink(string text, string videoId, string? dashboardUrl) =>
        string.IsNullOrWhiteSpace(dashboardUrl)
            ? text
            : $"{text} {dashboardUrl.TrimEnd('/')}/video.html?id={Uri.EscapeDataString(videoId)}";
}
