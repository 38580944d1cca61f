import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** bin/hold-ports: binds each port named on 127.0.0.1 (skipping one already taken) and waits to be killed. */
public class HoldPorts {
    public static void main(String[] ports) throws Exception {
        List<ServerSocket> held = new ArrayList<>();
        for (String port : ports) {
            try {
                ServerSocket socket = new ServerSocket();
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(port)));
                held.add(socket);
                System.err.println("holding port " + port);
            } catch (java.io.IOException e) {
                System.err.println("port " + port + " is taken already: " + e.getMessage());
            }
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}
