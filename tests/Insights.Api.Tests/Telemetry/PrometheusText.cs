namespace Insights.Api.Tests.Telemetry;

using System.Globalization;

/// <summary>Reads samples out of a Prometheus text-format scrape.</summary>
internal static class PrometheusText
{
    /// <summary>
    /// The sum of the samples of <paramref name="metric"/> (exact name, any labels) whose labels contain every one of
    /// <paramref name="labels"/> (<c>name="value"</c>); 0 when there is none.
    /// </summary>
    public static double Sum(string scrape, string metric, params string[] labels)
    {
        var sum = 0.0;
        foreach (var line in scrape.Split('\n'))
        {
            if (line.StartsWith('#') || !line.StartsWith(metric, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = line[metric.Length..];
            string labelText;
            if (rest.StartsWith('{'))
            {
                var end = rest.IndexOf('}', StringComparison.Ordinal);
                labelText = rest[1..end];
                rest = rest[(end + 1)..];
            }
            else if (rest.StartsWith(' '))
            {
                labelText = "";
            }
            else
            {
                continue; // another metric whose name starts with this one
            }

            if (labels.All(l => labelText.Contains(l, StringComparison.Ordinal)))
            {
                sum += double.Parse(rest.Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        return sum;
    }

    public static bool Has(string scrape, string metric) =>
        scrape.Split('\n').Any(l => l.StartsWith(metric + "{", StringComparison.Ordinal) || l.StartsWith(metric + " ", StringComparison.Ordinal));
}
