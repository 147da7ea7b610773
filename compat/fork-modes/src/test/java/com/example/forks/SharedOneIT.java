package com.example.forks;

@SharedStack
class SharedOneIT extends UsesTheBox {
}
