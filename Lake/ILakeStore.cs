namespace Insights.Lake;

/// <summary>The lake: one <see cref="IBlobStore"/> per zone, on the configured backend.</summary>
public interface ILakeStore
{
    /// <summary>Human-readable location, for logs and the README's "browse the lake" hint.</summary>
    string Description { get; }

    IBlobStore Zone(LakeZone zone);
}
