import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Prints a free loopback port (bin/benchmark). */
public class FreePort {
    public static void main(String[] args) throws Exception {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            System.out.println(socket.getLocalPort());
        }
    }
}
