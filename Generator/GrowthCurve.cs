namespace Insights.Generator;

/// <summary>
/// Cumulative views of a video over its life: a logistic curve that starts at 0 when the video is published
/// and reaches <see cref="Cap"/> at the end of its <see cref="Life"/>. Likes and shares are fixed shares of views,
/// so all three counters only grow.
/// </summary>
internal readonly record struct GrowthCurve(long Cap, double Life, double Mid, double Scale, double LikeRatio, double ShareRatio)
{
    /// <summary>Share of the final views reached at <paramref name="age"/> seconds, in [0, 1], non-decreasing.</summary>
    public double Fraction(double age)
    {
        if (age <= 0)
        {
            return 0;
        }

        if (age >= Life)
        {
            return 1;
        }

        var (a, b) = Bounds();
        return Math.Clamp((Sigmoid((age - Mid) / Scale) - a) / (b - a), 0, 1);
    }

    /// <summary>The age at which the curve reaches <paramref name="fraction"/>: the inverse of <see cref="Fraction"/>.</summary>
    public double AgeAt(double fraction)
    {
        var (a, b) = Bounds();
        var s = Math.Clamp(a + fraction * (b - a), 1e-12, 1 - 1e-12);
        return Math.Clamp(Mid + Scale * Math.Log(s / (1 - s)), 0, Life);
    }

    public (long Views, long Likes, long Shares) CountersAt(double age)
    {
        var views = (long)Math.Floor(Cap * Fraction(age));
        return (views, (long)Math.Floor(views * LikeRatio), (long)Math.Floor(views * ShareRatio));
    }

    private (double A, double B) Bounds() => (Sigmoid(-Mid / Scale), Sigmoid((Life - Mid) / Scale));

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
}
