namespace Insights.Grains.Domain.Alerts;

/// <summary>The alert rules, their cool-down and the webhook deliveries. Bound from <c>Insights:Alerts</c>.</summary>
public sealed class AlertOptions
{
    public const string SectionName = "Insights:Alerts";

    /// <summary>Off: video grains evaluate no rule (subscriptions and history stay readable).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>After an alert of a video and rule, the same rule of the same video fires again only this much later.</summary>
    public TimeSpan Cooldown { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Alerts kept in the history (the newest), with their deliveries.</summary>
    public int HistorySize { get; set; } = 200;

    /// <summary>Webhook subscriptions at most.</summary>
    public int MaxSubscriptions { get; set; } = 20;

    /// <summary>Optional base URL of the dashboard (<c>https://host/dashboard/</c>): the alert's text then links the video page.</summary>
    public string? DashboardUrl { get; set; }

    public SentimentSwingOptions SentimentSwing { get; set; } = new();

    public VelocitySpikeOptions VelocitySpike { get; set; } = new();

    public NegativeShareOptions NegativeShare { get; set; } = new();

    public AlertDeliveryOptions Delivery { get; set; } = new();
}

public sealed class SentimentSwingOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Points (on the -100..100 score) between the 5-minute and the 1-hour score above which it fires.</summary>
    public double Delta { get; set; } = 30;

    /// <summary>Comments the video needs in the last 5 minutes.</summary>
    public int MinComments { get; set; } = 5;
}

public sealed class VelocitySpikeOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>How many times its own per-minute rate before them the last 5 minutes' rate must reach.</summary>
    public double Factor { get; set; } = 4;

    /// <summary>Comments the video needs in the last 5 minutes, so that a quiet video never fires.</summary>
    public int MinComments { get; set; } = 20;
}

public sealed class NegativeShareOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Share of negative comments among the scored comments of the last 5 minutes (0..1) from which it fires.</summary>
    public double Threshold { get; set; } = 0.6;

    /// <summary>Scored comments the video needs in the last 5 minutes.</summary>
    public int MinComments { get; set; } = 10;
}

/// <summary>How alerts reach the webhooks (<c>Insights:Alerts:Delivery</c>).</summary>
public sealed class AlertDeliveryOptions
{
    /// <summary>Time one HTTP attempt may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the outbox is looked at for deliveries that are due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The wait after the first failed attempt; doubled after each further one up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A delivery still failing this long after its alert fired is given up (and shown failed in the history).</summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Deliveries waiting at most; beyond it the oldest are given up.</summary>
    public int MaxPending { get; set; } = 10_000;

    /// <summary>Deliveries sent at once per poll.</summary>
    public int MaxParallel { get; set; } = 16;
}
