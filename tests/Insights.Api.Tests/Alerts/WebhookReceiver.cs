namespace Insights.Api.Tests.Alerts;

using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

/// <summary>One request as the receiver got it: the raw body and the headers that matter.</summary>
public sealed record ReceivedWebhook(byte[] Body, string? Signature, string? DeliveryId, string? ContentType);

/// <summary>
/// A webhook receiver on Kestrel, on a loopback port fixed at construction, so it can be stopped and started again at
/// the same URL (a receiver that is down for a while). Answers 200 to every POST to <c>/hook</c> and keeps it.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private WebApplication? _app;

    public WebhookReceiver()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/hook";

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls($"http://127.0.0.1:{Port}");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/hook", async (HttpContext http) =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            Received.Enqueue(new ReceivedWebhook(
                body.ToArray(),
                http.Request.Headers["X-Insights-Signature"].ToString(),
                http.Request.Headers["X-Insights-Delivery"].ToString(),
                http.Request.ContentType));
            return Results.Ok();
        });
        await _app.StartAsync();
    }

    public async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}
