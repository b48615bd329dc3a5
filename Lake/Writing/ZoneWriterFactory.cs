namespace Insights.Lake.Writing;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

public sealed class ZoneWriterFactory(IOptions<LakeWriterOptions> options, TimeProvider clock, ILoggerFactory loggers)
{
    public ZoneWriter<TRow> Create<TRow>(string name, IBlobStore store, IFileFormat<TRow> format, Func<TRow, (string Dataset, DateTimeOffset Time)> partitionOf) =>
        new(name, store, format, partitionOf, options.Value, clock, loggers.CreateLogger("Insights.Lake." + name));
}
