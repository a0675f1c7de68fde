package org.sshstack.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The sample application: shows sshstack's starter running with no external setup. */
@SpringBootApplication
public class SampleApplication {

    /**
     * Starts the sample.
     *
     * @param args Spring Boot command-line arguments
     */
    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }
}
