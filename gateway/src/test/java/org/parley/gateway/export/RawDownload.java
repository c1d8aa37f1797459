package org.parley.gateway.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP/1.1 download over a bare socket with a small receive buffer, read at the test's pace: it can stop
 * reading (so the gateway's writes back up), and it tells a complete chunked body (ended by the zero-length
 * chunk) from one cut off by a reset, which a higher-level client would only report as some IOException.
 */
final class RawDownload implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    final int status;
    final Map<String, String> headers = new LinkedHashMap<>();
    private boolean complete;

    RawDownload(URL base, String pathAndQuery, String token) throws IOException {
        socket = new Socket();
        socket.setReceiveBufferSize(16 * 1024); // no autotuning: a client that stops reading stops the stream soon
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
        socket.setSoTimeout(30_000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nConnection: close\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        in = socket.getInputStream();
        String statusLine = line();
        status = Integer.parseInt(statusLine.split(" ")[1]);
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
    }

    /** The next chunk's bytes, or null after the last one (or when the connection ended without it). */
    byte[] chunk() throws IOException {
        if (complete) {
            return null;
        }
        String sizeLine;
        try {
            sizeLine = line();
        } catch (IOException ended) {
            return null;
        }
        int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
        if (size == 0) {
            complete = true;
            return null;
        }
        byte[] data = in.readNBytes(size);
        if (data.length < size) {
            return null;
        }
        line(); // the CRLF after the chunk's data
        return data;
    }

    /** Everything left of the body; {@link #complete()} says whether it ended properly. */
    String rest() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            for (byte[] data = chunk(); data != null; data = chunk()) {
                body.write(data);
            }
        } catch (IOException | RuntimeException cut) {
            // a reset in the middle of a chunk: the body is incomplete, complete stays false
        }
        return body.toString(StandardCharsets.UTF_8);
    }

    /** Whether the body ended with HTTP's own end marker (the zero-length chunk). */
    boolean complete() {
        return complete;
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection ended");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
