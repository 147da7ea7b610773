package com.example.users;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** What the JPA application stores. */
@Entity
public class Probe {

    @Id
    private Integer id;
    private String answer;

    protected Probe() {
    }

    Probe(int id, String answer) {
        this.id = id;
        this.answer = answer;
    }
}
