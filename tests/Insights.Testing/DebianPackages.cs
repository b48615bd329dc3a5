namespace Insights.Testing;

/// <summary>
/// Installs a Debian package with apt-get (as root) when the program a test needs is missing, so a fresh CI machine
/// needs no set-up step of its own.
/// </summary>
public static class DebianPackages
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task EnsureInstalledAsync(string package, string program)
    {
        await Gate.WaitAsync();
        try
        {
            if (File.Exists(program))
            {
                return;
            }

            if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/apt-get"))
            {
                throw new InvalidOperationException($"{program} is missing and this is not a Debian-like machine: install {package} there.");
            }

            foreach (var arguments in new[] { new[] { "update" }, ["install", "-y", "--no-install-recommends", package] })
            {
                var result = await ProcessRunner.RunAsync(
                    "apt-get", arguments, "/", TimeSpan.FromMinutes(15), $"Installing {package}", new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" });
                if (result.ExitCode != 0)
                {
                    throw new InvalidOperationException($"'apt-get {string.Join(' ', arguments)}' failed (exit code {result.ExitCode}); run as root or install {package}:\n{result.Output}");
                }
            }

            if (!File.Exists(program))
            {
                throw new InvalidOperationException($"apt-get installed {package} but {program} does not exist.");
            }
        }
        finally
        {
            Gate.Release();
        }
    }
}
