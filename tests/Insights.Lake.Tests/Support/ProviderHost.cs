namespace Insights.Lake.Tests.Support;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;

/// <summary>
/// A grain storage provider registered and started as a silo does it, without the rest of a silo: the same
/// <see cref="ISiloBuilder"/> extension, then every <see cref="IConfigurationValidator"/>, then the provider's
/// lifecycle stages (where Orleans' Azure provider connects and creates its container).
/// </summary>
internal sealed class ProviderHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private ProviderHost(ServiceProvider services) => _services = services;

    public IServiceProvider Services => _services;

    public IGrainStorage Storage(string name) => _services.GetRequiredKeyedService<IGrainStorage>(name);

    public static async Task<ProviderHost> StartAsync(Action<ISiloBuilder> configure, IConfiguration? configuration = null)
    {
        var services = new ServiceCollection();
        services.AddLogging().AddOptions().AddSerializer();
        configure(new Builder(services, configuration ?? new ConfigurationBuilder().Build()));
        var provider = services.BuildServiceProvider();
        try
        {
            foreach (var validator in provider.GetServices<IConfigurationValidator>())
            {
                validator.ValidateConfiguration();
            }

            var lifecycle = new Lifecycle();
            foreach (var participant in provider.GetServices<ILifecycleParticipant<ISiloLifecycle>>())
            {
                participant.Participate(lifecycle);
            }

            await lifecycle.StartAsync();
            return new ProviderHost(provider);
        }
        catch
        {
            await provider.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private sealed class Builder(IServiceCollection services, IConfiguration configuration) : ISiloBuilder
    {
        public IServiceCollection Services { get; } = services;

        public IConfiguration Configuration { get; } = configuration;
    }

    private sealed class Lifecycle : ISiloLifecycle
    {
        private readonly List<(int Stage, ILifecycleObserver Observer)> _observers = [];

        public int HighestCompletedStage { get; private set; }

        public int LowestStoppedStage { get; private set; } = int.MaxValue;

        public IDisposable Subscribe(string observerName, int stage, ILifecycleObserver observer)
        {
            _observers.Add((stage, observer));
            return new Unsubscriber(() => _observers.Remove((stage, observer)));
        }

        public async Task StartAsync()
        {
            foreach (var group in _observers.GroupBy(o => o.Stage).OrderBy(g => g.Key))
            {
                await Task.WhenAll(group.Select(o => o.Observer.OnStart(CancellationToken.None)));
                HighestCompletedStage = group.Key;
            }
        }

        private sealed class Unsubscriber(Action dispose) : IDisposable
        {
            public void Dispose() => dispose();
        }
    }
}
