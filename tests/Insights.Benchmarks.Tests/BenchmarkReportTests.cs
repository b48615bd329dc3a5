namespace Insights.Benchmarks.Tests;

using System.Text.Json;
using Insights.Benchmarks.Reporting;

/// <summary>The figures file <c>.local/benchmark.json</c>: keys as set, the machine, nothing that is not a number.</summary>
public sealed class BenchmarkReportTests
{
    [Fact]
    public async Task The_file_holds_each_figure_under_its_key_with_the_machine()
    {
        var report = new BenchmarkReport();
        report.Set("pipeline_comments_per_s", 251_234.56789);
        report.Set("ratio_to_same_work_loop", 0.61);
        report.Note("durable_comments_per_s", "Azurite on loopback");
        var path = Path.Combine(Path.GetTempPath(), "bench-" + Guid.NewGuid().ToString("N"), "benchmark.json");

        await report.WriteAsync(path);

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        Assert.Equal(251_234.568, json.RootElement.GetProperty("pipeline_comments_per_s").GetDouble());
        Assert.Equal(0.61, json.RootElement.GetProperty("ratio_to_same_work_loop").GetDouble());
        Assert.Equal(Environment.ProcessorCount, json.RootElement.GetProperty("machine").GetProperty("cores").GetInt32());
        Assert.Equal("Azurite on loopback", json.RootElement.GetProperty("notes").GetProperty("durable_comments_per_s").GetString());
        Assert.False(File.Exists(path + ".tmp"));
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_figure_that_is_not_a_finite_number_is_refused(double value)
    {
        var report = new BenchmarkReport();

        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => report.Set("warehouse_rows_per_s", value));
        Assert.Contains("warehouse_rows_per_s", refused.Message, StringComparison.Ordinal);
    }
}
