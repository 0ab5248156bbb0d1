using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace CallLogGen.Azure.Tests.Query.Loopback;

/// <summary>An HTTP/1.1 request as it came over the wire.</summary>
public sealed record HttpRequestRecord(string Method, string Target, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>
/// What the server answers: a status, headers and a body written whole (Content-Length), or, when
/// <see cref="Stream"/> is set, a body written piece by piece in chunked encoding, each piece flushed.
/// </summary>
public sealed class HttpReply
{
    public int Status { get; init; } = 200;

    public string Reason { get; init; } = "OK";

    public Dictionary<string, string> Headers { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    public byte[] Body { get; init; } = Array.Empty<byte>();

    /// <summary>Writes the body in pieces: each call of the given function sends one chunk and flushes it.</summary>
    public Func<Func<ReadOnlyMemory<byte>, Task>, Task>? Stream { get; init; }
}

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 at a free port, over TCP or TLS (a self-signed certificate made for the
/// run): keep-alive, Content-Length request bodies, whole or chunked responses. ASP.NET's test host is not
/// available here and HttpListener cannot serve TLS on Linux, so the tests get exactly this much HTTP.
/// </summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<HttpRequestRecord, Task<HttpReply>> _handler;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentBag<Task> _connections = new();
    private readonly ConcurrentBag<TcpClient> _clients = new();
    private readonly Task _accepting;

    public LoopbackHttpServer(Func<HttpRequestRecord, Task<HttpReply>> handler, bool useTls)
    {
        _handler = handler;
        if (useTls)
        {
            Certificate = CreateCertificate();
        }

        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        var port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        Endpoint = new Uri($"{(useTls ? "https" : "http")}://127.0.0.1:{port}/");
        _accepting = AcceptAsync();
    }

    public Uri Endpoint { get; }

    /// <summary>The server's certificate, when it serves TLS.</summary>
    public X509Certificate2? Certificate { get; }

    /// <summary>Failures inside the server (a handler that threw, a malformed request); tests assert there are none.</summary>
    public ConcurrentQueue<string> Faults { get; } = new();

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        foreach (var client in _clients)
        {
            client.Dispose(); // kept-alive connections end here, not when the client's pool lets them go
        }

        try
        {
            await _accepting.ConfigureAwait(false);
            await Task.WhenAll(_connections).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // connections end when the listener and their sockets close
        }

        Certificate?.Dispose();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception)
            {
                return;
            }

            _clients.Add(client);
            _connections.Add(Task.Run(() => ServeAsync(client)));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            Stream stream = client.GetStream();
            if (Certificate is not null)
            {
                var tls = new SslStream(stream, leaveInnerStreamOpen: false);
                await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = Certificate }, _stop.Token).ConfigureAwait(false);
                stream = tls;
            }

            await using (stream.ConfigureAwait(false))
            {
                var input = new BufferedInput(stream);
                while (!_stop.IsCancellationRequested)
                {
                    var request = await ReadRequestAsync(input).ConfigureAwait(false);
                    if (request is null)
                    {
                        return; // the client closed the connection
                    }

                    HttpReply reply;
                    try
                    {
                        reply = await _handler(request).ConfigureAwait(false);
                    }
                    catch (Exception e)
                    {
                        Faults.Enqueue("handler: " + e);
                        reply = new HttpReply { Status = 500, Reason = "Internal Server Error" };
                    }

                    await WriteReplyAsync(stream, reply).ConfigureAwait(false);
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException or System.Security.Authentication.AuthenticationException)
        {
            // the client went away (a cancelled or timed-out request, a refused certificate)
        }
        catch (Exception e)
        {
            Faults.Enqueue("connection: " + e);
        }
    }

    private static async Task<HttpRequestRecord?> ReadRequestAsync(BufferedInput input)
    {
        var requestLine = await input.ReadLineAsync().ConfigureAwait(false);
        if (string.IsNullOrEmpty(requestLine))
        {
            return null;
        }

        var parts = requestLine.Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? line;
        while (!string.IsNullOrEmpty(line = await input.ReadLineAsync().ConfigureAwait(false)))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            headers[name] = headers.TryGetValue(name, out var earlier) ? earlier + ", " + value : value;
        }

        var length = headers.TryGetValue("Content-Length", out var text) ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : 0;
        var body = await input.ReadBytesAsync(length).ConfigureAwait(false);
        return new HttpRequestRecord(parts[0], parts[1], headers, body);
    }

    private static async Task WriteReplyAsync(Stream stream, HttpReply reply)
    {
        var head = new StringBuilder();
        head.Append("HTTP/1.1 ").Append(reply.Status).Append(' ').Append(reply.Reason).Append("\r\n");
        foreach (var header in reply.Headers)
        {
            head.Append(header.Key).Append(": ").Append(header.Value).Append("\r\n");
        }

        if (reply.Stream is not null)
        {
            head.Append("Transfer-Encoding: chunked\r\n\r\n");
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString())).ConfigureAwait(false);
            await stream.FlushAsync().ConfigureAwait(false);
            await reply.Stream(async chunk =>
            {
                if (chunk.Length == 0)
                {
                    return;
                }

                await stream.WriteAsync(Encoding.ASCII.GetBytes(chunk.Length.ToString("x", System.Globalization.CultureInfo.InvariantCulture) + "\r\n")).ConfigureAwait(false);
                await stream.WriteAsync(chunk).ConfigureAwait(false);
                await stream.WriteAsync("\r\n"u8.ToArray()).ConfigureAwait(false);
                await stream.FlushAsync().ConfigureAwait(false);
            }).ConfigureAwait(false);
            await stream.WriteAsync("0\r\n\r\n"u8.ToArray()).ConfigureAwait(false);
        }
        else
        {
            head.Append("Content-Length: ").Append(reply.Body.Length).Append("\r\n\r\n");
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString())).ConfigureAwait(false);
            await stream.WriteAsync(reply.Body).ConfigureAwait(false);
        }

        await stream.FlushAsync().ConfigureAwait(false);
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>Reads CRLF-terminated header lines and then exact byte counts from one stream.</summary>
    private sealed class BufferedInput
    {
        private readonly Stream _stream;
        private readonly byte[] _buffer = new byte[16 * 1024];
        private int _start;
        private int _end;

        public BufferedInput(Stream stream) => _stream = stream;

        public async Task<string?> ReadLineAsync()
        {
            var line = new List<byte>();
            while (true)
            {
                if (_start == _end && !await FillAsync().ConfigureAwait(false))
                {
                    return line.Count == 0 ? null : Encoding.ASCII.GetString(line.ToArray());
                }

                var b = _buffer[_start++];
                if (b == '\n')
                {
                    return Encoding.ASCII.GetString(line.ToArray()).TrimEnd('\r');
                }

                line.Add(b);
            }
        }

        public async Task<byte[]> ReadBytesAsync(int count)
        {
            var bytes = new byte[count];
            var filled = 0;
            while (filled < count)
            {
                if (_start == _end && !await FillAsync().ConfigureAwait(false))
                {
                    throw new IOException("the request body ended early");
                }

                var take = Math.Min(count - filled, _end - _start);
                Array.Copy(_buffer, _start, bytes, filled, take);
                _start += take;
                filled += take;
            }

            return bytes;
        }

        private async Task<bool> FillAsync()
        {
            _start = 0;
            _end = await _stream.ReadAsync(_buffer).ConfigureAwait(false);
            return _end > 0;
        }
    }
}
