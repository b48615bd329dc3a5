namespace Insights.Tools.Tests;

using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

public sealed class AuthCommandTests
{
    private static (int Code, string Output, string Error) Run(string input, params string[] args) =>
        ToolRun.RunAsync(input, ["auth", .. args]).GetAwaiter().GetResult();

    private static string Sha256(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    [Fact]
    public void Hash_key_prints_the_sha256_of_the_key_as_sha256sum_would()
    {
        Assert.Equal((0, Sha256("ins_abc") + "\n", ""), Run("", "hash-key", "ins_abc"));
        // From standard input (keeps the key out of shell history), without its trailing newline.
        Assert.Equal(Sha256("ins_abc") + "\n", Run("ins_abc\n", "hash-key").Output);
        Assert.Equal(Sha256("ins_abc") + "\n", Run("ins_abc", "hash-key", "-").Output);
    }

    [Fact]
    public void New_key_prints_a_random_key_its_hash_and_the_configuration_that_accepts_it()
    {
        var (code, output, _) = Run("", "new-key", "--name", "ci-producer", "--scopes", "ingest", "--index", "2");
        Assert.Equal(0, code);
        var key = Regex.Match(output, @"ins_[A-Za-z0-9_-]{43}").Value;
        Assert.NotEmpty(key);
        Assert.Contains($"Insights__Auth__ApiKeys__2__Hash={Sha256(key)}", output);
        Assert.Contains("Insights__Auth__ApiKeys__2__Name=ci-producer", output);
        Assert.Contains("Insights__Auth__ApiKeys__2__Scopes__0=ingest", output);
        Assert.DoesNotContain("Scopes__1", output);
        Assert.NotEqual(key, Regex.Match(Run("", "new-key").Output, @"ins_[A-Za-z0-9_-]{43}").Value);
    }

    [Fact]
    public void New_key_defaults_to_both_scopes_and_index_0()
    {
        var output = Run("", "new-key").Output;

        Assert.Contains("Insights__Auth__ApiKeys__0__Scopes__0=ingest", output);
        Assert.Contains("Insights__Auth__ApiKeys__0__Scopes__1=read", output);
        Assert.Matches(@"Insights__Auth__ApiKeys__0__Name=key-\d{8}", output);
    }

    [Fact]
    public async Task Lines_a_script_or_a_person_copies_are_never_wrapped_at_the_console_width()
    {
        var (code, output, _) = await ToolRun.RunAsync(40, "", "auth", "new-key");

        Assert.Equal(0, code);
        Assert.Matches(@"(?m)^  Insights__Auth__ApiKeys__0__Hash=[0-9a-f]{64}$", output);
        Assert.Matches(@"(?m)^Configuration \(environment variables, .* with '--'\):$", output);
    }

    [Theory]
    [InlineData("'admin' is not a comma-separated list of ingest, read and alerts", "new-key", "--scopes", "admin")]
    [InlineData("--index: -1 is negative", "new-key", "--index", "-1")]
    [InlineData("'b'", "hash-key", "a", "b")]
    [InlineData("Unknown command 'rotate'", "rotate")]
    [InlineData("the key is empty", "hash-key", "-")]
    public void Bad_arguments_exit_2_saying_why_on_standard_error(string said, params string[] args)
    {
        var (code, output, error) = Run("", args);

        Assert.Equal(2, code);
        Assert.Contains(said, error, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"ins_|[0-9a-f]{64}", output);
    }
}
