namespace Insights.Warehouse.Loading;

using System.Diagnostics.Metrics;

/// <summary>Meter <c>Insights.Warehouse</c>: loads of the processed zone into the warehouse, and what they moved.</summary>
internal static class WarehouseMetrics
{
    public const string MeterName = "Insights.Warehouse";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Loads = Meter.CreateCounter<long>(
        "insights.warehouse.loads", "{load}", "Warehouse loads, by outcome (ok, or failed when any file or the models failed)");

    private static readonly Counter<long> FilesLoaded = Meter.CreateCounter<long>(
        "insights.warehouse.files.loaded", "{file}", "Lake files loaded for the first time or reloaded because they changed");

    private static readonly Counter<long> RowsLoaded = Meter.CreateCounter<long>(
        "insights.warehouse.rows.loaded", "{row}", "Rows loaded into the warehouse");

    public static void Record(WarehouseLoadResult result)
    {
        Loads.Add(1, new KeyValuePair<string, object?>("outcome", result.Failures.Count == 0 ? "ok" : "failed"));
        FilesLoaded.Add(result.FilesLoaded);
        RowsLoaded.Add(result.RowsLoaded);
    }
}
