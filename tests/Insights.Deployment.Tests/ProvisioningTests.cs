namespace Insights.Deployment.Tests;

using System.Text.RegularExpressions;
using Insights.Deployment.Tests.Support;

/// <summary>
/// What the suite needs from outside the repository is installed in one place, provision.sh, before any test runs:
/// test assemblies run in parallel, and two of them installing at once raced on the dpkg lock.
/// </summary>
public sealed partial class ProvisioningTests
{
    [Fact]
    public void Test_script_provisions_before_it_builds_or_tests()
    {
        var script = Repo.Read("test.sh");
        var provision = script.IndexOf("./provision.sh", StringComparison.Ordinal);
        Assert.True(provision >= 0, "test.sh does not run ./provision.sh");
        Assert.True(provision < script.IndexOf("dotnet build", StringComparison.Ordinal), "test.sh builds before it provisions");
        Assert.True(provision < script.IndexOf("dotnet test", StringComparison.Ordinal), "test.sh tests before it provisions");
    }

    [Fact]
    public void Provisioning_waits_for_the_dpkg_lock_and_installs_every_pinned_npm_folder()
    {
        var script = Repo.Read("provision.sh");
        // Every apt-get goes through the one command line that waits for the lock.
        var apt = Assert.Single(AptGetCommand().Matches(script)).Value;
        Assert.Contains("DPkg::Lock::Timeout=", apt, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"apt-get\s+(-\S+\s+)*(install|update)\b", script);

        Assert.Contains("redis-server", script, StringComparison.Ordinal);
        Assert.Contains("chromium", script, StringComparison.Ordinal);
        var lockFolders = Directory.EnumerateFiles(Repo.PathOf("tests"), "package-lock.json", SearchOption.AllDirectories)
            .Where(f => !Repo.Relative(f).Contains("node_modules", StringComparison.Ordinal))
            .Select(f => Repo.Relative(Path.GetDirectoryName(f)!))
            .ToList();
        Assert.NotEmpty(lockFolders);
        Assert.All(lockFolders, folder => Assert.Matches($@"npm_ci {Regex.Escape(folder)} \.local/", script));
    }

    [Fact]
    public void No_test_installs_anything()
    {
        var offenders = Directory.EnumerateFiles(Repo.PathOf("tests"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".mjs", StringComparison.Ordinal) || f.EndsWith(".js", StringComparison.Ordinal))
            .Where(f => !Repo.Relative(f).Contains("/bin/", StringComparison.Ordinal)
                && !Repo.Relative(f).Contains("/obj/", StringComparison.Ordinal)
                && !Repo.Relative(f).Contains("node_modules", StringComparison.Ordinal)
                && Path.GetFileName(f) != "ProvisioningTests.cs")
            .Where(f => InstallCall().IsMatch(File.ReadAllText(f)))
            .Select(Repo.Relative)
            .ToList();
        Assert.True(offenders.Count == 0, "these test files install packages (move it to provision.sh): " + string.Join(", ", offenders));
    }

    [GeneratedRegex(@"DEBIAN_FRONTEND=noninteractive apt-get[^\n]*")]
    private static partial Regex AptGetCommand();

    // A process started by name, or an install command line in a string.
    [GeneratedRegex(@"""(apt-get|apt|dpkg|npm|npm\.cmd)""|[""'`](npm|apt-get) (ci|install)")]
    private static partial Regex InstallCall();
}
