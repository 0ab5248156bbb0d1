using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CallLogGen.Azure.Tests.Infrastructure;

/// <summary>
/// Azurite, Microsoft's storage emulator (npm azurite 3.37.0, installed into tools/azurite by the test build), run as
/// a child process on a free loopback port with in-memory persistence, and stopped by its own process id with
/// SIGKILL (it ignores SIGTERM). Shared by the storage tests and the archive benchmark.
/// </summary>
public sealed class AzuriteProcess : IDisposable
{
    /// <summary>Azurite's well-known development account key (public: it is in Azurite's docs).</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public const string AccountName = "devstoreaccount1";

    private readonly Process _process;

    private AzuriteProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public Uri BlobEndpoint => new($"http://127.0.0.1:{Port}/{AccountName}");

    public string ConnectionString => $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};BlobEndpoint={BlobEndpoint};";

    /// <summary>Starts Azurite's blob service from the repository's tools/azurite and waits until it accepts connections.</summary>
    public static AzuriteProcess Start(string repositoryRoot)
    {
        var script = Path.Combine(repositoryRoot, "tools", "azurite", "node_modules", ".bin", "azurite-blob");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException("Azurite is not installed: " + script + " is missing. Build the test project (it runs npm ci in tools/azurite) or run npm ci there.");
        }

        var port = FreePort();
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // node runs the script itself, so the process id is Azurite's own (no shell in between to outlive a kill).
        foreach (var argument in new[] { script, "--blobHost", "127.0.0.1", "--blobPort", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--inMemoryPersistence", "--skipApiVersionCheck", "--silent" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var azurite = new AzuriteProcess(process, port);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!azurite.Accepts())
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                azurite.Dispose();
                throw new InvalidOperationException("Azurite did not start listening on 127.0.0.1:" + port);
            }

            Thread.Sleep(50);
        }

        return azurite;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                // Process.Kill sends SIGKILL on Unix, to this process id only.
                _process.Kill();
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }

    private bool Accepts()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
