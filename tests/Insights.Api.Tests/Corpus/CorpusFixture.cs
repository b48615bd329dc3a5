namespace Insights.Api.Tests.Corpus;

using Insights.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

/// <summary>
/// A silo and an API of their own (so the lake holds exactly what the corpus sent), both logging into
/// <see cref="Logs"/>.
/// </summary>
public sealed class CorpusFixture : ApiFixture
{
    public LogRecorder Logs { get; } = new(LogLevel.Error);

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(Logs);
}
