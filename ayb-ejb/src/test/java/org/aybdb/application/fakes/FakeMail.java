package org.aybdb.application.fakes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.aybdb.application.port.MailDelivery;

/** {@link MailDelivery} that keeps what it was asked to send, or fails when told to. */
public final class FakeMail implements MailDelivery {

  /** One confirmation e-mail. */
  public record Sent(String address, String token) {}

  public final List<Sent> sent = new ArrayList<>();
  public String failure;

  @Override
  public Optional<String> canonicalAddress(String address) {
    String text = address.strip();
    int at = text.indexOf('@');
    return at > 0 && at == text.lastIndexOf('@') && at < text.length() - 1 && !text.contains("\"")
        ? Optional.of(text.toLowerCase(Locale.ROOT))
        : Optional.empty();
  }

  @Override
  public boolean isValidAddress(String address) {
    return canonicalAddress(address).filter(address::equals).isPresent();
  }

  @Override
  public void sendConfirmation(String address, String token) throws DeliveryException {
    if (failure != null) {
      throw new DeliveryException(failure);
    }
    sent.add(new Sent(address, token));
  }

  /** The token of the last e-mail. */
  public String lastToken() {
    return sent.get(sent.size() - 1).token();
  }
}
