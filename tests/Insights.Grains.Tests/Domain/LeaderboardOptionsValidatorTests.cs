namespace Insights.Grains.Tests.Domain;

using Insights.Grains.Leaderboard;
using Insights.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

public class LeaderboardOptionsValidatorTests
{
    private static IEnumerable<string> Failures(LeaderboardOptions options) =>
        new LeaderboardOptionsValidator().Validate(null, options).Failures ?? [];

    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.True(new LeaderboardOptionsValidator().Validate(null, new LeaderboardOptions()).Succeeded);
    }

    [Fact]
    public void Every_failure_names_its_key()
    {
        var failures = Failures(new LeaderboardOptions
        {
            FlushInterval = TimeSpan.Zero,
            MaxLimit = 0,
            MinViews = 0,
            MinComments = -1,
            EngagementPriorViews = -5,
            SentimentPriorComments = double.NaN,
            Windows =
            {
                ["5m"] = new LeaderboardWindowOptions { MinViews = 0 },
                ["7d"] = new LeaderboardWindowOptions { MinViews = 10 },
            },
        }).ToList();

        Assert.Equal(
            [
                "Insights:Leaderboard:FlushInterval",
                "Insights:Leaderboard:MaxLimit",
                "Insights:Leaderboard:MinViews",
                "Insights:Leaderboard:MinComments",
                "Insights:Leaderboard:EngagementPriorViews",
                "Insights:Leaderboard:SentimentPriorComments",
                "Insights:Leaderboard:Windows:5m:MinViews",
                "Insights:Leaderboard:Windows:7d",
            ],
            failures.Select(f => f.Split(' ')[0]));
    }

    [Fact]
    public void The_silo_wiring_validates_the_section()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Insights:Leaderboard:Windows:24h:MinViews"] = "0" })
            .Build();
        // As in a host, which registers its configuration.
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddInsightsGrains(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<LeaderboardOptions>>().Value);
        Assert.Contains("Insights:Leaderboard:Windows:24h:MinViews", error.Message, StringComparison.Ordinal);
    }
}
