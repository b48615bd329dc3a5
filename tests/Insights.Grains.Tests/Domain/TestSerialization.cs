namespace Insights.Grains.Tests.Domain;

using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

/// <summary>Orleans' serializer outside a silo (the one grain storage uses), knowing the grains' and the tests' types.</summary>
internal static class TestSerialization
{
    private static readonly Lazy<ServiceProvider> Services = new(() => new ServiceCollection()
        .AddSerializer(b => b
            .AddAssembly(typeof(Insights.Grains.Domain.VideoState).Assembly)
            .AddAssembly(typeof(TestSerialization).Assembly))
        .BuildServiceProvider());

    public static Serializer Serializer => Services.Value.GetRequiredService<Serializer>();

    public static T RoundTrip<T>(byte[] bytes) => Serializer.Deserialize<T>(bytes)!;

    /// <summary>Written as one type and read back as another: state from an older layout read by today's code.</summary>
    public static TRead Reread<TWritten, TRead>(TWritten value) => Serializer.Deserialize<TRead>(Serializer.SerializeToArray(value))!;

    public static T Copy<T>(T value) => Reread<T, T>(value);
}
