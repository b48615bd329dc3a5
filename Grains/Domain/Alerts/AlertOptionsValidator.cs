namespace Insights.Grains.Domain.Alerts;

using Microsoft.Extensions.Options;

/// <summary>Checks <c>Insights:Alerts</c> at start; every failure names its key.</summary>
public sealed class AlertOptionsValidator : IValidateOptions<AlertOptions>
{
    private const string Section = AlertOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, AlertOptions options)
    {
        var failures = new List<string>();
        void Positive(TimeSpan value, string key)
        {
            if (value <= TimeSpan.Zero)
            {
                failures.Add($"{Section}:{key} {value} must be positive.");
            }
        }

        void AtLeast(double value, double minimum, string key)
        {
            if (double.IsNaN(value) || value < minimum)
            {
                failures.Add($"{Section}:{key} {value} must be at least {minimum}.");
            }
        }

        if (options.Cooldown < TimeSpan.Zero)
        {
            failures.Add($"{Section}:Cooldown {options.Cooldown} must not be negative.");
        }

        AtLeast(options.HistorySize, 1, "HistorySize");
        AtLeast(options.MaxSubscriptions, 1, "MaxSubscriptions");
        if (!string.IsNullOrWhiteSpace(options.DashboardUrl) && !WebhookUrlLike(options.DashboardUrl))
        {
            failures.Add($"{Section}:DashboardUrl '{options.DashboardUrl}' must be an absolute http or https URL.");
        }

        AtLeast(options.SentimentSwing.Delta, 0, "SentimentSwing:Delta");
        AtLeast(options.SentimentSwing.MinComments, 1, "SentimentSwing:MinComments");
        AtLeast(options.VelocitySpike.Factor, 1, "VelocitySpike:Factor");
        AtLeast(options.VelocitySpike.MinComments, 1, "VelocitySpike:MinComments");
        if (double.IsNaN(options.NegativeShare.Threshold) || options.NegativeShare.Threshold is <= 0 or > 1)
        {
            failures.Add($"{Section}:NegativeShare:Threshold {options.NegativeShare.Threshold} must be above 0 and at most 1.");
        }

        AtLeast(options.NegativeShare.MinComments, 1, "NegativeShare:MinComments");

        var delivery = options.Delivery;
        Positive(delivery.Timeout, "Delivery:Timeout");
        Positive(delivery.PollInterval, "Delivery:PollInterval");
        Positive(delivery.FirstRetryDelay, "Delivery:FirstRetryDelay");
        Positive(delivery.GiveUpAfter, "Delivery:GiveUpAfter");
        if (delivery.MaxRetryDelay < delivery.FirstRetryDelay)
        {
            failures.Add($"{Section}:Delivery:MaxRetryDelay {delivery.MaxRetryDelay} must be at least Delivery:FirstRetryDelay ({delivery.FirstRetryDelay}).");
        }

        AtLeast(delivery.MaxPending, 1, "Delivery:MaxPending");
        AtLeast(delivery.MaxParallel, 1, "Delivery:MaxParallel");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool WebhookUrlLike(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);
}
