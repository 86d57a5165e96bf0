package ch.ontrack.web;

import java.util.List;
import java.util.regex.Pattern;
import org.apache.catalina.util.NetMask;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code oc.forwarded.trusted-proxies} (TRUSTED_PROXIES): the addresses or CIDR ranges of the
 * proxies whose X-Forwarded-* headers are believed. Empty: the headers are ignored and the peer
 * address is the client address.
 */
@Validated
@ConfigurationProperties("oc.forwarded")
public record ForwardedSettings(@DefaultValue List<String> trustedProxies) {

    private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f:.]+(/[0-9]{1,3})?");

    public ForwardedSettings {
        trustedProxies = trustedProxies.stream()
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(ForwardedSettings::cidr)
                .toList();
    }

    /** An address or CIDR range, always with its prefix length: "127.0.0.1" becomes "127.0.0.1/32". */
    static String cidr(String entry) {
        if (!ADDRESS.matcher(entry).matches()) {
            throw new IllegalArgumentException("TRUSTED_PROXIES: '" + entry + "' is not an IP address or CIDR range");
        }
        String cidr = entry.contains("/") ? entry : entry + (entry.contains(":") ? "/128" : "/32");
        try {
            new NetMask(cidr);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "TRUSTED_PROXIES: '" + entry + "' is not an IP address or CIDR range", e);
        }
        return cidr;
    }
}
