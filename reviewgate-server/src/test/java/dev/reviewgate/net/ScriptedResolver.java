package dev.reviewgate.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** DNS with fixed answers and a call count, so tests need no network. Unknown names do not resolve. */
final class ScriptedResolver implements HostResolver {

    private final Map<String, List<InetAddress>> answers = new HashMap<>();
    private final AtomicInteger calls = new AtomicInteger();

    ScriptedResolver answer(String host, String... addresses) {
        List<InetAddress> list = new ArrayList<>();
        for (String address : addresses) {
            list.add(IpLiteral.parse(address).orElseThrow());
        }
        answers.put(host, list);
        return this;
    }

    int calls() {
        return calls.get();
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        calls.incrementAndGet();
        List<InetAddress> list = answers.get(host);
        if (list == null) {
            throw new UnknownHostException(host);
        }
        return list;
    }
}
