using Insights.Sentiment.Remote;
using Microsoft.Extensions.Time.Testing;

namespace Insights.Sentiment.Tests.Remote;

public sealed class CircuitBreakerTests
{
    private readonly FakeTimeProvider clock = new();

    private CircuitBreaker Breaker(int threshold = 3) => new(threshold, TimeSpan.FromSeconds(30), clock);

    private static void Fail(CircuitBreaker breaker) => breaker.Failure(breaker.TryEnter());

    [Fact]
    public void Consecutive_failures_open_it_and_a_success_in_between_resets_the_count()
    {
        var breaker = Breaker();
        Fail(breaker);
        Fail(breaker);
        breaker.Success(breaker.TryEnter());
        Fail(breaker);
        Fail(breaker);
        Assert.Equal(CircuitState.Closed, breaker.State);

        Fail(breaker);
        Assert.Equal(CircuitState.Open, breaker.State);
        Assert.Equal(CircuitPermit.Refused, breaker.TryEnter());
    }

    [Fact]
    public void After_the_cool_down_one_probe_goes_and_its_success_closes_it()
    {
        var breaker = Breaker(threshold: 1);
        var changes = new List<(CircuitState, CircuitState)>();
        breaker.StateChanged += (from, to) => changes.Add((from, to));
        Fail(breaker);
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(CircuitPermit.Refused, breaker.TryEnter());

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(CircuitState.HalfOpen, breaker.State);
        var probe = breaker.TryEnter();
        Assert.Equal(CircuitPermit.Probe, probe);
        Assert.Equal(CircuitPermit.Refused, breaker.TryEnter());
        breaker.Success(probe);

        Assert.Equal(CircuitState.Closed, breaker.State);
        Assert.Equal(CircuitPermit.Allowed, breaker.TryEnter());
        Assert.Equal([(CircuitState.Closed, CircuitState.Open), (CircuitState.Open, CircuitState.HalfOpen), (CircuitState.HalfOpen, CircuitState.Closed)], changes);
    }

    [Fact]
    public void A_failed_probe_opens_it_for_another_cool_down()
    {
        var breaker = Breaker(threshold: 1);
        Fail(breaker);
        clock.Advance(TimeSpan.FromSeconds(30));
        breaker.Failure(breaker.TryEnter());

        Assert.Equal(CircuitState.Open, breaker.State);
        Assert.Equal(2, breaker.Openings);
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(CircuitPermit.Refused, breaker.TryEnter());
    }

    [Fact]
    public void An_abandoned_probe_lets_the_next_request_probe()
    {
        var breaker = Breaker(threshold: 1);
        Fail(breaker);
        clock.Advance(TimeSpan.FromSeconds(30));
        breaker.Abandon(breaker.TryEnter());

        Assert.Equal(CircuitPermit.Probe, breaker.TryEnter());
    }

    [Fact]
    public void Late_outcomes_of_requests_let_in_before_it_opened_do_not_reopen_it()
    {
        var breaker = Breaker(threshold: 1);
        var early = breaker.TryEnter();
        Fail(breaker);
        breaker.Failure(early); // a request admitted while closed ends after the circuit opened

        Assert.Equal(1, breaker.Openings);
    }
}
