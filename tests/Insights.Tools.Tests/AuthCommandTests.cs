namespace Insights.Tools.Tests;

using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Insights.Tools.Auth;

public sealed class AuthCommandTests
{
    private static (int Code, string Output, string Error) Run(string input, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = new AuthCommand(output, error, new StringReader(input)).RunAsync(args, CancellationToken.None).GetAwaiter().GetResult();
        return (code, output.ToString(), error.ToString());
    }

    private static string Sha256(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    [Fact]
    public void Hash_key_prints_the_sha256_of_the_key_as_sha256sum_would()
    {
        Assert.Equal((0, Sha256("ins_abc") + Environment.NewLine, ""), Run("", "hash-key", "ins_abc"));
        // From standard input (keeps the key out of shell history), without its trailing newline.
        Assert.Equal(Sha256("ins_abc") + Environment.NewLine, Run("ins_abc\n", "hash-key").Output);
        Assert.Equal(Sha256("ins_abc") + Environment.NewLine, Run("ins_abc", "hash-key", "-").Output);
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

    [Theory]
    [InlineData("new-key", "--scopes", "admin")]
    [InlineData("hash-key", "a", "b")]
    [InlineData("rotate")]
    public void Bad_arguments_exit_2_with_the_usage(params string[] args)
    {
        var (code, _, error) = Run("", args);
        Assert.Equal(2, code);
        Assert.Contains("Usage:", error);
    }
}
