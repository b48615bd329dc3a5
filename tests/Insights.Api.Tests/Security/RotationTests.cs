namespace Insights.Api.Tests.Security;

using System.Net;
using System.Net.Http.Json;
using Insights.Api.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using static SecurityTestSupport;

/// <summary>Keys are rotated by editing the configuration, without restarting the API.</summary>
[Collection(ApiCollection.Name)]
public sealed class RotationTests(ApiFixture fixture)
{
    private const string OldKey = "ins_rotation-old-key";
    private const string NewKey = "ins_rotation-new-key";

    private static Dictionary<string, string?> Keys(params (string Name, string Key)[] keys)
    {
        var values = new Dictionary<string, string?>();
        for (var i = 0; i < keys.Length; i++)
        {
            values[$"Insights:Auth:ApiKeys:{i}:Name"] = keys[i].Name;
            values[$"Insights:Auth:ApiKeys:{i}:Hash"] = ApiKeyHash.ComputeHex(keys[i].Key);
            values[$"Insights:Auth:ApiKeys:{i}:Scopes:0"] = Scopes.Read;
        }

        return values;
    }

    [Fact]
    public async Task A_new_key_works_beside_the_old_one_then_the_old_one_stops_without_a_restart()
    {
        var source = new ReloadableConfiguration();
        source.Replace(Keys(("old", OldKey)));
        await using var api = fixture.CreateApi(withTestKeys: false, environment: Environments.Production,
            configure: web => web.ConfigureAppConfiguration(c => c.Add(source)));
        using var client = api.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "/api/videos/top", OldKey)).StatusCode);
        await ProblemAsync(await GetAsync(client, "/api/videos/top", NewKey), HttpStatusCode.Unauthorized);

        // Both valid while clients move over.
        source.Replace(Keys(("old", OldKey), ("new", NewKey)));
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "/api/videos/top", OldKey)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "/api/videos/top", NewKey)).StatusCode);
        var streamToken = await (await SendAsync(client, HttpMethod.Post, "/api/dashboard/stream-token", OldKey)).Content.ReadFromJsonAsync<TokenAnswer>();

        source.Replace(Keys(("new", NewKey)));
        var refused = await ProblemAsync(await GetAsync(client, "/api/videos/top", OldKey), HttpStatusCode.Unauthorized);
        Assert.Contains("rotated out", refused.Detail);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "/api/videos/top", NewKey)).StatusCode);

        // A stream token dies with the key it was issued for.
        var stream = await GetAsync(client, "/api/dashboard/stream?access_token=" + Uri.EscapeDataString(streamToken!.Token));
        Assert.Contains("no longer accepted", (await ProblemAsync(stream, HttpStatusCode.Unauthorized)).Detail);
    }

    [Fact]
    public async Task A_reloaded_entry_that_is_unusable_is_left_out_and_the_others_keep_working()
    {
        var source = new ReloadableConfiguration();
        source.Replace(Keys(("old", OldKey)));
        await using var api = fixture.CreateApi(withTestKeys: false, environment: Environments.Production,
            configure: web => web.ConfigureAppConfiguration(c => c.Add(source)));
        using var client = api.CreateClient();

        var broken = Keys(("old", OldKey), ("new", NewKey));
        broken["Insights:Auth:ApiKeys:1:Hash"] = "not-a-hash";
        source.Replace(broken);

        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "/api/videos/top", OldKey)).StatusCode);
        await ProblemAsync(await GetAsync(client, "/api/videos/top", NewKey), HttpStatusCode.Unauthorized);
    }

    private sealed record TokenAnswer(string Token, DateTimeOffset ExpiresAt, int ExpiresIn);
}
