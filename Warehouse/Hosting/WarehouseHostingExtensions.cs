namespace Insights.Warehouse.Hosting;

using Insights.Warehouse.Targets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Orleans.Hosting;
using Polly;
using Polly.Retry;

public static class WarehouseHostingExtensions
{
    /// <summary>
    /// The warehouse services (<see cref="WarehouseService"/>, the target chosen by <c>Insights:Warehouse:Provider</c>).
    /// Needs an <see cref="Insights.Lake.ILakeStore"/> (<c>AddInsightsLake</c>). An unknown provider stops the process here.
    /// </summary>
    public static IServiceCollection AddInsightsWarehouse(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(WarehouseOptions.SectionName);
        Validate(section.Get<WarehouseOptions>() ?? new());
        services.AddOptions<WarehouseOptions>().Bind(section);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IWarehouseTargetFactory, WarehouseTargetFactory>();
        services.TryAddSingleton<WarehouseService>();
        return services;
    }

    /// <summary>
    /// Everything a silo needs for the scheduled warehouse load: the services above, the in-memory reminder service
    /// (unless <c>Insights:Warehouse:ReminderService</c> is <c>None</c>), a reminder period floor no higher than
    /// <c>LoadInterval</c>, and a startup task that registers the loader grain's reminder.
    /// </summary>
    public static ISiloBuilder AddInsightsWarehouse(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Services.AddInsightsWarehouse(configuration);
        var options = configuration.GetSection(WarehouseOptions.SectionName).Get<WarehouseOptions>() ?? new();
        // A cluster with a durable reminder table (Redis) registered it already; memory is only the single-silo fallback.
        if (options.ReminderService == "Memory" && !silo.Services.Any(d => d.ServiceType == typeof(IReminderTable)))
        {
            silo.UseInMemoryReminderService();
        }

        silo.Services.Configure<ReminderOptions>(o =>
        {
            if (options.LoadInterval < o.MinimumReminderPeriod)
            {
                o.MinimumReminderPeriod = options.LoadInterval;
            }
        });
        silo.AddStartupTask(static (services, cancellationToken) =>
        {
            // In the background: a silo must start even when the reminder table is not ready yet.
            _ = ScheduleAsync(services, cancellationToken);
            return Task.CompletedTask;
        });
        return silo;
    }

    /// <summary>Attempts at registering the reminder before giving up until the next silo start.</summary>
    internal const int ScheduleAttempts = 8;

    /// <summary>Wait before the second attempt; it doubles after each.</summary>
    internal static readonly TimeSpan FirstScheduleRetryDelay = TimeSpan.FromSeconds(1);

    private static async Task ScheduleAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WarehouseHostingExtensions).FullName!);
        var grain = services.GetRequiredService<IGrainFactory>().GetGrain<IWarehouseLoaderGrain>(IWarehouseLoaderGrain.GlobalKey);
        try
        {
            await ScheduleRetry(logger, services.GetService<TimeProvider>()).ExecuteAsync(async _ => await grain.EnsureScheduled(), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Scheduling warehouse loads failed; loads run on demand only until the next silo start");
        }
    }

    /// <summary>Retries of the reminder registration: the reminder table may not be ready when the silo starts.</summary>
    internal static ResiliencePipeline ScheduleRetry(ILogger logger, TimeProvider? time = null) =>
        new ResiliencePipelineBuilder { TimeProvider = time ?? TimeProvider.System }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = ScheduleAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                Delay = FirstScheduleRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is not null && !args.Context.CancellationToken.IsCancellationRequested),
                OnRetry = args =>
                {
                    logger.LogWarning(args.Outcome.Exception, "Scheduling warehouse loads failed (attempt {Attempt}); retrying in {Delay}", args.AttemptNumber + 1, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();

    private static void Validate(WarehouseOptions options)
    {
        if (options.Provider is not (WarehouseOptions.DuckDbProvider or WarehouseOptions.SynapseProvider))
        {
            throw WarehouseTargetFactory.UnknownProvider(options.Provider);
        }

        if (options.ReminderService is not ("Memory" or "None"))
        {
            throw new InvalidOperationException(
                $"{WarehouseOptions.SectionName}:ReminderService '{options.ReminderService}' is not supported (use Memory or None).");
        }

        if (options.LoadInterval <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{WarehouseOptions.SectionName}:LoadInterval must be positive.");
        }

        if (options.DuckDbFilesPerTransaction < 1)
        {
            throw new InvalidOperationException($"{WarehouseOptions.SectionName}:DuckDbFilesPerTransaction must be at least 1.");
        }

        if (!DuckDbWarehouseTarget.IsStorageVersion(options.DuckDbStorageVersion))
        {
            throw new InvalidOperationException(
                $"{WarehouseOptions.SectionName}:DuckDbStorageVersion '{options.DuckDbStorageVersion}' is not a DuckDB storage version (latest, or like v1.0.0).");
        }

        if (options.Synapse.Authentication is not (SynapseOptions.ConnectionStringAuthentication or SynapseOptions.EntraIdAuthentication))
        {
            throw new InvalidOperationException(
                $"{WarehouseOptions.SectionName}:Synapse:Authentication '{options.Synapse.Authentication}' is not supported (use ConnectionString or EntraId).");
        }
    }
}
