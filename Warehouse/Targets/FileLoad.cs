namespace Insights.Warehouse.Targets;

/// <summary>A lake file to load; <paramref name="PreviouslyLoaded"/> when the manifest has an older version of it, whose rows go first.</summary>
public sealed record FileLoad(string LakePath, bool PreviouslyLoaded);
