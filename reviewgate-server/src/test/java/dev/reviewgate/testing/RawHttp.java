package dev.reviewgate.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, for what {@link java.net.http.HttpClient} refuses to send (a
 * malformed URI, a raw header byte) and for several requests on one connection.
 */
public final class RawHttp implements AutoCloseable {

    /** One response as read off the wire; header names are lower case. */
    public record Response(int status, List<String[]> headers, String body) {
        public String header(String name) {
            return headers.stream()
                    .filter(h -> h[0].equals(name.toLowerCase(Locale.ROOT)))
                    .map(h -> h[1])
                    .findFirst()
                    .orElse(null);
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String host;

    private RawHttp(Socket socket, String host) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        this.host = host;
    }

    /** A connection to the server under test. */
    public static RawHttp connect(TestServer server) {
        URI base = URI.create(server.baseUrl());
        try {
            Socket socket = new Socket(base.getHost(), base.getPort());
            socket.setSoTimeout(15_000);
            return new RawHttp(socket, base.getHost() + ":" + base.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends {@code head} (request line and header lines without the final blank line) and {@code body}. */
    public Response exchange(String head, byte[] body) {
        send(head, body);
        return read();
    }

    /** Sends a request with a Host header and, for a body, its Content-Length. */
    public void send(String head, byte[] body) {
        StringBuilder request = new StringBuilder(head);
        if (!head.toLowerCase(Locale.ROOT).contains("\r\nhost:")) {
            request.append("\r\nHost: ").append(host);
        }
        if (body.length > 0 && !head.toLowerCase(Locale.ROOT).contains("\r\ncontent-length:")) {
            request.append("\r\nContent-Length: ").append(body.length);
        }
        request.append("\r\n\r\n");
        try {
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one response (Content-Length, chunked, or up to the end of the connection). */
    public Response read() {
        try {
            String status = line();
            List<String[]> headers = new ArrayList<>();
            for (String line = line(); !line.isEmpty(); line = line()) {
                int colon = line.indexOf(':');
                headers.add(new String[] {
                    line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    line.substring(colon + 1).trim()
                });
            }
            Response head = new Response(Integer.parseInt(status.split(" ", 3)[1]), headers, "");
            byte[] body = body(head);
            return new Response(head.status(), headers, new String(body, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when the server has closed its side: the next read sees the end of the stream. */
    public boolean closedByServer() {
        try {
            return in.read() == -1;
        } catch (IOException e) {
            return true;
        }
    }

    private byte[] body(Response head) throws IOException {
        String length = head.header("content-length");
        if (length != null) {
            return in.readNBytes(Integer.parseInt(length));
        }
        if ("chunked".equalsIgnoreCase(head.header("transfer-encoding"))) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (int size = chunkSize(); size > 0; size = chunkSize()) {
                body.write(in.readNBytes(size));
                line();
            }
            while (!line().isEmpty()) {
                // trailers
            }
            return body.toByteArray();
        }
        return head.status() == 204 || head.status() == 304 ? new byte[0] : in.readAllBytes();
    }

    /** A chunk's size line: hex digits, then any extensions after ';'. */
    private int chunkSize() throws IOException {
        return Integer.parseInt(line().split(";", 2)[0].trim(), 16);
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) != '\n'; ) {
            if (b == -1) {
                throw new IOException("connection closed mid-response");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
