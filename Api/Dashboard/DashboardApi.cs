namespace Insights.Api.Dashboard;

using System.Text.Json;
using Insights.Api.Security;
using Insights.Wire;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

/// <summary>
/// The live dashboard: static pages under <c>/dashboard/</c> (from <c>wwwroot</c>) and the two Server-Sent Events
/// streams they listen to. Self-contained, so the host maps it with one line and registers nothing.
/// The pages are code without data and are served to anyone (a browser cannot send a key when it navigates); they
/// ask for an API key with <c>read</c>, keep it in sessionStorage, and open each stream with a short-lived stream
/// token from <c>POST /api/dashboard/stream-token</c> (EventSource cannot send headers either).
/// Map it before the authentication middleware, so its static files stay outside it.
/// </summary>
public static class DashboardApi
{
    private const string MappedKey = "insights.dashboard.mapped";

    public static WebApplication MapInsightsDashboard(this WebApplication app)
    {
        // Idempotent: a test host that maps the dashboard itself keeps working once the API maps it too.
        if (((IApplicationBuilder)app).Properties.ContainsKey(MappedKey))
        {
            return app;
        }

        ((IApplicationBuilder)app).Properties[MappedKey] = true;
        var options = app.Configuration.GetSection(DashboardOptions.SectionName).Get<DashboardOptions>() ?? new DashboardOptions();
        if (options.PushInterval < TimeSpan.FromMilliseconds(100))
        {
            throw new InvalidOperationException($"{DashboardOptions.SectionName}:PushInterval must be at least 00:00:00.1 (is {options.PushInterval}).");
        }

        var snapshots = new DashboardSnapshots(
            app.Services.GetRequiredService<IClusterClient>(),
            Options.Create(options),
            app.Services.GetService<TimeProvider>() ?? TimeProvider.System);

        // "/dashboard" -> "/dashboard/" (a route would also match "/dashboard/" and shadow the static index).
        app.Use((context, next) =>
        {
            if (context.Request.Path.Value is { } path && path.Equals("/dashboard", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Redirect("/dashboard/" + context.Request.QueryString);
                return Task.CompletedTask;
            }

            return next(context);
        });
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                // Pages change with the code; always revalidate so a deployment is picked up.
                headers.CacheControl = "no-cache";
                // The pages hold an API key in sessionStorage: only their own scripts may run, and nothing may frame them.
                headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
                    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
            },
        });

        var api = app.MapGroup("/api/dashboard").ExcludeFromDescription();
        api.MapPost("/stream-token", (HttpContext http, StreamTokens tokens) =>
            {
                var (token, expiresAt) = tokens.Issue(http.User);
                http.Response.Headers.CacheControl = "no-store";
                return TypedResults.Ok(new StreamTokenResponse(token, expiresAt, (int)(expiresAt - DateTimeOffset.UtcNow).TotalSeconds));
            })
            .RequireRead()
            .DisableAntiforgery();
        api.MapGet("/stream", (HttpContext http, IHostApplicationLifetime lifetime, IOptions<JsonOptions> json) =>
                StreamAsync(http, lifetime, json.Value.SerializerOptions, options.PushInterval, snapshots.GetOverviewAsync))
            .RequireReadStream();
        api.MapGet("/videos/{id}/stream", (string id, HttpContext http, IHostApplicationLifetime lifetime, IOptions<JsonOptions> json) =>
                Ids.IsValid(id)
                    ? StreamAsync(http, lifetime, json.Value.SerializerOptions, options.PushInterval, _ => snapshots.GetVideoAsync(id))
                    : Results.Problem(title: "Invalid video id", detail: $"A video id {Ids.Rule}.", statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(http))
            .RequireReadStream();
        return app;
    }

    /// <summary>A stream token, when it stops opening streams, and in how many seconds (for the page's renewal timer).</summary>
    public sealed record StreamTokenResponse(string Token, DateTimeOffset ExpiresAt, int ExpiresIn);

    /// <summary>
    /// Writes one <c>data:</c> event with the snapshot as JSON at most every <paramref name="interval"/> (skipped when
    /// the JSON is identical to the last one sent; snapshots carry their time, so in practice one per interval; the
    /// video page's charts come from the series endpoint instead), until the client goes away, the host stops, or the stream token
    /// that opened it expires (so that a revoked key stops streaming within a token's lifetime).
    /// </summary>
    private static async Task StreamAsync<T>(
        HttpContext http, IHostApplicationLifetime lifetime, JsonSerializerOptions json, TimeSpan interval, Func<CancellationToken, Task<T>> snapshot)
        where T : class
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        if (StreamTokens.ExpiryOf(http.User) is { } expiry)
        {
            var left = expiry - DateTimeOffset.UtcNow;
            stop.CancelAfter(left > TimeSpan.Zero ? left : TimeSpan.Zero);
        }

        var token = stop.Token;
        var response = http.Response;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache, no-transform";
        response.Headers["X-Accel-Buffering"] = "no";
        http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>()?.DisableBuffering();

        string? last = null;
        var quiet = 0;
        try
        {
            await response.WriteAsync("retry: 2000\n\n", token);
            await response.Body.FlushAsync(token);
            using var timer = new PeriodicTimer(interval);
            do
            {
                // The JSON of the snapshot has the same shape and casing as the REST API's answers.
                string payload;
                try
                {
                    payload = JsonSerializer.Serialize(await snapshot(token), json);
                }
                catch (Exception ex) when (!token.IsCancellationRequested)
                {
                    // The cluster is unreachable for now: say so and try again on the next tick.
                    http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DashboardApi))
                        .LogWarning(ex, "Dashboard snapshot for {Path} failed", http.Request.Path.Value);
                    await response.WriteAsync(": snapshot unavailable\n\n", token);
                    await response.Body.FlushAsync(token);
                    continue;
                }

                if (payload != last)
                {
                    last = payload;
                    quiet = 0;
                    await response.WriteAsync("data: " + payload + "\n\n", token);
                    await response.Body.FlushAsync(token);
                }
                else if (++quiet % 15 == 0)
                {
                    await response.WriteAsync(": keep-alive\n\n", token);
                    await response.Body.FlushAsync(token);
                }
            }
            while (await timer.WaitForNextTickAsync(token));
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The page closed or the host is stopping.
        }
    }
}
